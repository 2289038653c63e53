using System;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using BingX.PowerShell.Client.Reading;

namespace BingX.PowerShell.Tests;

public class JsonFieldsTests
{
    private static JsonElement Obj(string json) => JsonFields.Parse(json);

    [Theory]
    [InlineData("{\"v\":0.00000398}", "0.00000398")]
    [InlineData("{\"v\":\"0.00000398\"}", "0.00000398")]
    [InlineData("{\"v\":42000.50}", "42000.50")]
    [InlineData("{\"v\":\"79228162514264337593543950335\"}", "79228162514264337593543950335")]
    [InlineData("{\"v\":1e-8}", "0.00000001")]
    [InlineData("{\"v\":\"1E-8\"}", "0.00000001")]
    [InlineData("{\"v\":-3}", "-3")]
    [InlineData("{\"v\":0.1000000000000000055511151231257827}", "0.1000000000000000055511151231")]
    public void ReadDecimal_is_exact_from_numbers_and_strings(string json, string expected)
    {
        decimal value = Obj(json).ReadDecimal("v")!.Value;
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("{\"v\":9223372036854775807}", long.MaxValue)]
    [InlineData("{\"v\":\"9223372036854775807\"}", long.MaxValue)]
    [InlineData("{\"v\":1735964997957275651}", 1735964997957275651)]
    [InlineData("{\"v\":9007199254740993}", 9007199254740993)]
    [InlineData("{\"v\":-1}", -1L)]
    public void ReadInt64_is_exact_beyond_the_range_of_a_double(string json, long expected)
    {
        Assert.Equal(expected, Obj(json).ReadInt64("v"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"v\":null}")]
    [InlineData("{\"v\":\"\"}")]
    [InlineData("{\"V\":1}")]
    [InlineData("[1]")]
    public void A_missing_null_or_empty_field_reads_as_null(string json)
    {
        JsonElement o = Obj(json);
        Assert.Null(o.ReadDecimal("v"));
        Assert.Null(o.ReadInt64("v"));
        Assert.True(string.IsNullOrEmpty(o.ReadString("v")));
        Assert.Null(o.ReadTime("v"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"v\":null}")]
    public void A_missing_or_null_boolean_reads_as_null_but_an_empty_string_is_refused(string json)
    {
        Assert.Null(Obj(json).ReadBoolean("v"));
        Assert.Throws<FormatException>(() => Obj("{\"v\":\"\"}").ReadBoolean("v"));
    }

    [Theory]
    [InlineData("{\"v\":\"abc\"}", typeof(decimal))]
    [InlineData("{\"v\":\"1,5\"}", typeof(decimal))]
    [InlineData("{\"v\":\"0x10\"}", typeof(decimal))]
    [InlineData("{\"v\":true}", typeof(decimal))]
    [InlineData("{\"v\":1e400}", typeof(decimal))]
    [InlineData("{\"v\":1.5}", typeof(long))]
    [InlineData("{\"v\":\"1.0\"}", typeof(long))]
    [InlineData("{\"v\":1e3}", typeof(long))]
    [InlineData("{\"v\":9223372036854775808}", typeof(long))]
    [InlineData("{\"v\":\" 1\"}", typeof(long))]
    public void A_value_that_is_not_the_number_asked_for_is_refused(string json, Type type)
    {
        JsonElement o = Obj(json);
        string what = type == typeof(decimal) ? "a decimal number" : "a 64-bit integer";
        var ex = Assert.Throws<FormatException>(() => type == typeof(decimal) ? (object?)o.ReadDecimal("v") : o.ReadInt64("v"));
        Assert.StartsWith($"The field 'v' is not {what}", ex.Message);
    }

    [Theory]
    [InlineData("{\"v\":true}", true)]
    [InlineData("{\"v\":false}", false)]
    [InlineData("{\"v\":1}", true)]
    [InlineData("{\"v\":\"0\"}", false)]
    [InlineData("{\"v\":\"TRUE\"}", true)]
    public void ReadBoolean_accepts_the_forms_BingX_uses(string json, bool expected)
    {
        Assert.Equal(expected, Obj(json).ReadBoolean("v"));
    }

    [Fact]
    public void ReadBoolean_refuses_anything_else()
    {
        Assert.Throws<FormatException>(() => Obj("{\"v\":\"yes\"}").ReadBoolean("v"));
        Assert.Throws<FormatException>(() => Obj("{\"v\":{}}").ReadBoolean("v"));
    }

    [Fact]
    public void ReadString_gives_a_number_exactly_as_sent()
    {
        Assert.Equal("1.50", Obj("{\"v\":1.50}").ReadString("v"));
        Assert.Equal("true", Obj("{\"v\":true}").ReadString("v"));
        Assert.Null(Obj("{\"v\":[1]}").ReadString("v"));
    }

    [Fact]
    public void ReadTime_reads_epoch_milliseconds_and_treats_zero_as_not_yet()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1702721320676), Obj("{\"t\":1702721320676}").ReadTime("t"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1702721320676), Obj("{\"t\":\"1702721320676\"}").ReadTime("t"));
        Assert.Null(Obj("{\"t\":0}").ReadTime("t"));
    }

    [Fact]
    public void Any_takes_the_first_spelling_present()
    {
        JsonElement o = Obj("{\"stopPrice\":\"2\",\"StopPrice\":\"1\"}");
        Assert.Equal(1m, JsonFields.ToDecimal(o.Any("StopPrice", "stopPrice"), "stopPrice"));
        Assert.Equal(2m, JsonFields.ToDecimal(o.Any("Missing", "stopPrice"), "stopPrice"));
    }

    [Fact]
    public void A_name_given_twice_reads_as_its_first_occurrence()
    {
        Assert.Equal(1L, Obj("{\"v\":1,\"v\":2}").ReadInt64("v"));
    }

    [Fact]
    public void A_lone_surrogate_escape_reads_as_sent_instead_of_throwing()
    {
        Assert.Equal("a\\ud800", Obj("{\"v\":\"a\\ud800\"}").ReadString("v"));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Reading_does_not_depend_on_the_culture(string culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal(1234.5m, Obj("{\"v\":\"1234.5\"}").ReadDecimal("v"));
            Assert.Throws<FormatException>(() => Obj("{\"v\":\"1234,5\"}").ReadDecimal("v"));
            Assert.Equal(true, Obj("{\"v\":\"TRUE\"}").ReadBoolean("v"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{'a':1}")]
    [InlineData("{\"a\":01}")]
    [InlineData("{\"a\":1} x")]
    [InlineData("// c\n{}")]
    [InlineData("{\"a\":NaN}")]
    [InlineData("<html>502 Bad Gateway</html>")]
    public void Malformed_JSON_is_refused(string text)
    {
        Assert.ThrowsAny<JsonException>(() => JsonFields.Parse(text));
    }

    [Fact]
    public void Nesting_deeper_than_64_is_refused()
    {
        string deep = new string('[', 65) + new string(']', 65);
        Assert.ThrowsAny<JsonException>(() => JsonFields.Parse(deep));
        string ok = new string('[', 64) + new string(']', 64);
        Assert.Equal(JsonValueKind.Array, JsonFields.Parse(ok).ValueKind);
    }

    [Fact]
    public void A_parsed_element_outlives_its_document()
    {
        JsonElement o = JsonFields.Parse("{\"v\":\"1\"}");
        GC.Collect();
        Thread.Sleep(1);
        Assert.Equal(1m, o.ReadDecimal("v"));
    }
}
