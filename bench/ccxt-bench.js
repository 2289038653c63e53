'use strict';
// Baseline (c) of case 3 in bench/README.md: ccxt's bingx class (the version pinned in tests/ccxt) sending the same
// signed requests as the module: fetchOpenOrders(symbol) -> GET trade/openOrders, cancelAllOrders(symbol) ->
// POST trade/cancelOpenOrders. Runner protocol of bench/Invoke-Bench.ps1:
//   node ccxt-bench.js <tests/ccxt folder>, environment BENCH_BASE_URI, BENCH_API_KEY, BENCH_SECRET_KEY,
//   BENCH_GET_SYMBOL, BENCH_CANCEL_SYMBOL (BingX ids, e.g. BTC-USDT);
//   prints {"ready":true,...} once, then one JSON line per stdin line "get N" / "cancel N" / "memory"; "exit" ends.
const readline = require('readline');

const ccxtDir = process.argv[2];
const ccxt = require(require.resolve('ccxt', { paths: [ccxtDir] }));
const env = process.env;
const root = env.BENCH_BASE_URI.replace(/\/+$/, '');
const toUnified = (id) => id.replace('-', '/');
const getSymbol = toUnified(env.BENCH_GET_SYMBOL);
const cancelSymbol = toUnified(env.BENCH_CANCEL_SYMBOL);

function write(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

async function main() {
    // No client-side pacing: the module's limiter is off for this case too, so all runners send flat out.
    const exchange = new ccxt.bingx({ apiKey: env.BENCH_API_KEY, secret: env.BENCH_SECRET_KEY, enableRateLimit: false });
    for (const key of Object.keys(exchange.urls.api)) {
        exchange.urls.api[key] = root + '/openApi';
    }
    exchange.options.fetchCurrencies = false;
    exchange.has.fetchCurrencies = false;
    exchange.setMarkets(await exchange.fetchSpotMarkets({}));
    write({ ready: true, ccxtVersion: ccxt.version, node: process.version });

    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    for await (const line of lines) {
        const [op, countText] = line.trim().split(/\s+/);
        if (!op) continue;
        if (op === 'exit') break;
        if (op === 'memory') {
            const m = process.memoryUsage();
            write({ op, workingSet: m.rss, gcHeap: m.heapUsed });
            continue;
        }
        const count = parseInt(countText, 10);
        let orders = 0;
        let error = null;
        const cpuBefore = process.cpuUsage();
        const start = process.hrtime.bigint();
        try {
            for (let i = 0; i < count; i++) {
                const result = op === 'get' ? await exchange.fetchOpenOrders(getSymbol) : await exchange.cancelAllOrders(cancelSymbol);
                orders += result.length;
            }
        } catch (e) {
            error = `${e.constructor.name}: ${e.message}`;
        }
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const cpu = process.cpuUsage(cpuBefore);
        write({ op, count, ms, cpuMs: (cpu.user + cpu.system) / 1000, orders, error });
    }
    process.exit(0);
}

main().catch((e) => {
    write({ ready: false, error: `${e.constructor.name}: ${e.message}` });
    process.exit(1);
});
