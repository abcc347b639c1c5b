// End-to-end: LiveKit's JS client (livekit-client) in headless Chromium, on a page served from one loopback origin,
// gets tokens from the packaged service on another origin, with caller auth (api_key) and CORS on.
// Usage: node run.mjs   (after ./mvnw verify has built target/*.jar; Chromium at /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, 'artifacts');
const API_KEY = 'e2e-browser-key-0123456789';

function serve(root) {
  return new Promise((resolve) => {
    const types = { '.html': 'text/html', '.js': 'text/javascript' };
    const server = createServer((request, response) => {
      const path = join(root, request.url === '/' ? 'index.html' : request.url.split('?')[0]);
      try {
        const body = readFileSync(path);
        response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404);
        response.end();
      }
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function startService(pageOrigin) {
  const jar = readdirSync(join(here, '..', 'target')).find((f) => /^lesa-token-api-.*\.jar$/.test(f));
  if (!jar) throw new Error('no packaged jar in target/: run ./mvnw verify first');
  const env = {
    PATH: process.env.PATH,
    PORT: '0',
    MANAGEMENT_PORT: '0',
    HOST: '127.0.0.1',
    ENVIRONMENT: 'test',
    LIVEKIT_WS_URL: 'ws://127.0.0.1:7880',
    LIVEKIT_URL: 'http://127.0.0.1:7880',
    LIVEKIT_API_KEY: 'APIe2e',
    LIVEKIT_API_SECRET: 'e2e-secret-that-is-long-enough-for-hs256',
    AUTH_MODE: 'api_key',
    AUTH_API_KEY_HASHES: createHash('sha256').update(API_KEY).digest('hex'),
    CORS_ALLOW_ORIGINS: pageOrigin,
    CORS_ALLOW_CREDENTIALS: 'false',
    TRUSTED_HOSTS: '127.0.0.1',
    ENV_FILE: join(here, 'no-such.env'),
  };
  const cwd = mkdtempSync(join(tmpdir(), 'lesa-e2e-'));
  const child = spawn('java', ['-jar', join(here, '..', 'target', jar)], { cwd, env });
  let output = '';
  const port = new Promise((resolve, reject) => {
    const onData = (data) => {
      output += data;
      const started = /Tomcat started on port (\d+)/.exec(output);
      if (started) resolve(Number(started[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`service exited ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`service did not start:\n${output}`)), 90_000);
  });
  return { child, port, output: () => output };
}

const results = [];
async function check(name, page, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok    ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL  ${name}: ${error.message}`);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`) }).catch(() => {});
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  const started = Date.now();
  rmSync(artifacts, { recursive: true, force: true });
  await build({ entryPoints: [join(here, 'page', 'app.js')], bundle: true, format: 'iife', target: 'es2020',
    outfile: join(here, 'page', 'dist', 'app.js'), logLevel: 'warning' });
  const allowed = await serve(join(here, 'page'));
  const other = await serve(join(here, 'page'));
  const pageOrigin = `http://127.0.0.1:${allowed.address().port}`;
  const otherOrigin = `http://127.0.0.1:${other.address().port}`;
  const service = startService(pageOrigin);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const serviceUrl = `http://127.0.0.1:${await service.port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pageOrigin);
    await page.waitForFunction(() => document.getElementById('status').textContent === 'ready');

    await check('TokenSource.endpoint mints a token for the room and identity', page, async () => {
      const result = await page.evaluate(([url, key]) => window.lesa.tokenSource(url, key,
        { roomName: 'e2e-room', participantIdentity: 'e2e-user', participantName: 'E2E User' }), [serviceUrl, API_KEY]);
      expect(result.ok, `fetch failed: ${result.error}`);
      expect(result.serverUrl === 'ws://127.0.0.1:7880', `server URL ${result.serverUrl}`);
      expect(result.claims.sub === 'e2e-user', `sub ${result.claims.sub}`);
      expect(result.claims.name === 'E2E User', `name ${result.claims.name}`);
      expect(result.claims.iss === 'APIe2e', `iss ${result.claims.iss}`);
      expect(result.claims.video.room === 'e2e-room' && result.claims.video.roomJoin === true,
        `video ${JSON.stringify(result.claims.video)}`);
      expect(result.claims.exp > result.claims.nbf, 'exp after nbf');
    });

    await check('TokenSource.endpoint with agentName puts the agent in roomConfig', page, async () => {
      const result = await page.evaluate(([url, key]) => window.lesa.tokenSource(url, key,
        { roomName: 'e2e-agent-room', participantIdentity: 'e2e-user', agentName: 'py-agent' }), [serviceUrl, API_KEY]);
      expect(result.ok, `fetch failed: ${result.error}`);
      const agents = result.claims.roomConfig?.agents ?? [];
      expect(agents.length === 1 && agents[0].agentName === 'py-agent', `roomConfig ${JSON.stringify(result.claims.roomConfig)}`);
    });

    await check('Without the API key the endpoint refuses and the client reports it', page, async () => {
      const result = await page.evaluate(([url]) => window.lesa.tokenSource(url, null,
        { roomName: 'e2e-room', participantIdentity: 'e2e-user' }), [serviceUrl]);
      expect(!result.ok, 'a token without the key');
      expect(/401|unauthor|fail/i.test(result.error), `error ${result.error}`);
    });

    await check('Plain fetch with JSON and Authorization passes the preflight from the allowed origin', page, async () => {
      const result = await page.evaluate(([url, key]) => window.lesa.plainFetch(url, key), [serviceUrl, API_KEY]);
      expect(result.ok && result.status === 200, `fetch: ${JSON.stringify(result)}`);
      expect(result.claims.sub === 'fetch-user', 'sub');
      expect(typeof result.requestId === 'string' && result.requestId.length > 0, 'X-Request-ID exposed to scripts');
    });

    await check('From another origin the browser itself blocks the response', page, async () => {
      const otherPage = await context.newPage();
      await otherPage.goto(otherOrigin);
      await otherPage.waitForFunction(() => document.getElementById('status').textContent === 'ready');
      const result = await otherPage.evaluate(([url, key]) => window.lesa.plainFetch(url, key), [serviceUrl, API_KEY]);
      expect(!result.ok && /TypeError|Failed to fetch/i.test(result.error), `result ${JSON.stringify(result)}`);
      await otherPage.close();
    });
    await check('Swagger UI renders under its Content-Security-Policy', page, async () => {
      const docs = await context.newPage();
      const violations = [];
      docs.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await docs.goto(`${serviceUrl}/swagger-ui.html`);
      await docs.waitForSelector('.information-container .title', { timeout: 15_000 });
      const title = await docs.textContent('.information-container .title');
      expect(title.includes('LESA Token & Dispatch API'), `title ${title}`);
      expect(violations.length === 0, `CSP violations: ${violations.join(' | ')}`);
      await docs.close();
    });
  } finally {
    await browser.close();
    service.child.kill('SIGTERM');
    allowed.close();
    other.close();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`browser suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && results.length > 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
