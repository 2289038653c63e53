'use strict';
// Cross-checks the BingX simulator against ccxt's bingx client (pinned in package.json): the calls the module makes,
// made by an independent, widely used client, must succeed and keep the 64-bit order ids intact.
//
//   node crosscheck.js <baseUri> <apiKey> <secret>
//
// The account must exist with some USDT; the script seeds its own orders through the simulator's control API and
// compares what ccxt reports with what the simulator holds (ids compared as decimal strings, never as doubles).
// Prints one JSON object: {"ok":bool,"checks":[{"name","ok","detail"}]}. Exit code 0 when every check passed.

const ccxt = require('ccxt');

const [baseUri, apiKey, secret] = process.argv.slice(2);
if (!baseUri || !apiKey || !secret) {
    console.error('usage: node crosscheck.js <baseUri> <apiKey> <secret>');
    process.exit(2);
}
const root = baseUri.replace(/\/+$/, '');
const checks = [];

function check(name, ok, detail) {
    checks.push({ name, ok: Boolean(ok), detail });
}

// The control API answers with bare 64-bit integers: read ids from the raw text, never through JSON.parse.
async function control(method, path, body) {
    const response = await fetch(root + path, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) {
        throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    }
    return text;
}

function idsIn(text) {
    return [...text.matchAll(/"orderId":(\d+)/g)].map((m) => m[1]);
}

async function simulatorOrders(status, symbol) {
    const text = await control('GET', `/_sim/accounts/${encodeURIComponent(apiKey)}`);
    const orders = text.slice(text.indexOf('"orders":'));
    // One order object per match: {"symbol":"…","orderId":N,…,"status":"…",…}
    return [...orders.matchAll(/\{"symbol":"([^"]+)","orderId":(\d+),[^{}]*?"status":"([A-Z_]+)"/g)]
        .filter((m) => m[1] === symbol && m[3] === status)
        .map((m) => m[2]);
}

function sameIds(a, b) {
    return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

async function main() {
    const exchange = new ccxt.bingx({ apiKey, secret, enableRateLimit: true });
    // Every spot call goes to the simulator; no currency or swap-market discovery (endpoints the simulator lacks).
    for (const key of Object.keys(exchange.urls.api)) {
        exchange.urls.api[key] = root + '/openApi';
    }
    exchange.options.fetchCurrencies = false;
    exchange.has.fetchCurrencies = false;
    const markets = await exchange.fetchSpotMarkets({});
    exchange.setMarkets(markets);
    check('markets from common/symbols', exchange.markets['BTC/USDT'] !== undefined, `${markets.length} spot markets`);

    const seeded = idsIn(await control('POST', `/_sim/accounts/${encodeURIComponent(apiKey)}/orders`,
        { symbol: 'BTC-USDT', side: 'BUY', type: 'LIMIT', price: '40000', quantity: '0.001', count: 3 }));
    await control('POST', `/_sim/accounts/${encodeURIComponent(apiKey)}/orders`,
        { symbol: 'ETH-USDT', side: 'BUY', type: 'LIMIT', price: '2000', quantity: '0.01' });

    const open = await exchange.fetchOpenOrders('BTC/USDT');
    check('fetchOpenOrders ids intact', sameIds(open.map((o) => o.id), seeded), { ccxt: open.map((o) => o.id), simulator: seeded });
    check('fetchOpenOrders fields', open.every((o) => o.status === 'open' && o.symbol === 'BTC/USDT' && o.price === 40000 && o.amount === 0.001),
        open.map((o) => ({ status: o.status, symbol: o.symbol, price: o.price, amount: o.amount })));

    const created = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 41000.5);
    const restingOnSimulator = (await simulatorOrders('PENDING', 'BTC-USDT')).filter((id) => !seeded.includes(id));
    check('createOrder id intact', restingOnSimulator.length === 1 && created.id === restingOnSimulator[0], { ccxt: created.id, simulator: restingOnSimulator });

    const canceled = await exchange.cancelOrder(created.id, 'BTC/USDT');
    const canceledOnSimulator = await simulatorOrders('CANCELED', 'BTC-USDT');
    check('cancelOrder', canceled.id === created.id && canceledOnSimulator.includes(created.id),
        { ccxt: { id: canceled.id, status: canceled.status }, simulator: canceledOnSimulator });

    // Batch cancel: ccxt signs "orderIds=a,b" but sends "orderIds=a%2Cb"; the simulator must decode before verifying.
    const batch = await exchange.cancelOrders([seeded[0], seeded[1]], 'BTC/USDT');
    check('cancelOrders (comma sent as %2C)', sameIds(batch.map((o) => o.id), [seeded[0], seeded[1]]), batch.map((o) => o.id));

    const more = idsIn(await control('POST', `/_sim/accounts/${encodeURIComponent(apiKey)}/orders`,
        { symbol: 'BTC-USDT', side: 'SELL', type: 'LIMIT', price: '50000', quantity: '0.002', count: 2 }));
    const all = await exchange.cancelAllOrders('BTC/USDT');
    const expected = [seeded[2], ...more];
    check('cancelAllOrders cancels every open order on the symbol', sameIds(all.map((o) => o.id), expected),
        { ccxt: all.map((o) => o.id), expected });
    check('nothing open on BTC-USDT afterwards', (await simulatorOrders('PENDING', 'BTC-USDT')).length === 0
        && (await exchange.fetchOpenOrders('BTC/USDT')).length === 0, '');
    check('other symbols untouched', (await simulatorOrders('PENDING', 'ETH-USDT')).length === 1, '');

    const empty = await exchange.cancelAllOrders('BTC/USDT');
    check('cancelAllOrders with nothing open', Array.isArray(empty) && empty.length === 0, empty);
}

main()
    .catch((error) => check('no exception', false, `${error.constructor.name}: ${error.message}`))
    .finally(() => {
        const ok = checks.length > 0 && checks.every((c) => c.ok);
        process.stdout.write(JSON.stringify({ ok, ccxtVersion: ccxt.version, checks }) + '\n');
        process.exitCode = ok ? 0 : 1;
    });
