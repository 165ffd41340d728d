// A local HTTPS server that stands in for TikTok's avatar CDN.
//
// The browser reaches it through --host-resolver-rules (see browser.mjs),
// so the extension downloads from the real-looking signed URL while the
// bytes come from tests/cdn/. Routes match the raw request target byte for
// byte: signed URLs carry %2F and %3D that must not be decoded or the test
// would pass on a URL the real CDN would refuse.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Makes a throwaway self-signed key and certificate with the openssl CLI. */
async function selfSignedCert() {
  const dir = await mkdtemp(join(tmpdir(), 'cdn-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');

  // The browser runs with --ignore-certificate-errors, so the names in the
  // certificate only need to look plausible.
  await run('openssl', [
    'req', '-x509', '-nodes', '-days', '1',
    '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-subj', '/CN=tiktokcdn.test', '-keyout', key, '-out', cert,
  ]);

  const pair = { key: await readFile(key), cert: await readFile(cert) };
  await rm(dir, { recursive: true, force: true });
  return pair;
}

/**
 * Starts the stand-in CDN on 127.0.0.1 at a free port.
 *
 * serve(pathAndQuery, {body, type, status, delay, cut, stall, hang})
 * registers one exact target, answered after delay ms; with cut only half
 * its body is sent before the connection drops, with stall half of it
 * before the connection falls silent, and with hang nothing at all, the
 * connection open until the server closes; setStatus(pathAndQuery, status) makes a
 * registered one fail later (or recover);
 * requests lists {host, url, time} for every request, matched or not.
 */
export async function startCdn() {
  const routes = new Map();
  const requests = [];

  const server = createServer(await selfSignedCert(), (req, res) => {
    // req.url is the raw request target as sent, never decoded by Node.
    requests.push({ host: req.headers.host, url: req.url, time: Date.now() });

    const route = routes.get(req.url);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ok = route.status >= 200 && route.status < 300;
    if (route.hang) {
      return;
    }
    setTimeout(() => {
      const headers = { 'content-type': route.type };
      if (ok && route.stall) {
        headers['content-length'] = route.body.length;
        res.writeHead(route.status, headers);
        res.write(route.body.subarray(0, route.body.length >> 1));
        return;
      }
      if (ok && route.cut) {
        // Half the picture, then the connection drops: a network failure.
        // The validators make Chromium keep the partial file to resume.
        headers['content-length'] = route.body.length;
        headers['accept-ranges'] = 'bytes';
        headers.etag = '"cut"';
        headers['last-modified'] = 'Tue, 09 Dec 2025 08:00:00 GMT';
        res.writeHead(route.status, headers);
        res.write(route.body.subarray(0, route.body.length >> 1));
        setTimeout(() => res.destroy(), 100);
        return;
      }
      res.writeHead(route.status, headers);
      res.end(ok ? route.body : undefined);
    }, route.delay);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  return {
    port: server.address().port,
    requests,
    serve(target, {
      body, type = 'image/jpeg', status = 200, delay = 0, cut = false,
      stall = false, hang = false,
    }) {
      routes.set(target, { body, type, status, delay, cut, stall, hang });
    },
    setStatus(target, status) {
      const route = routes.get(target);
      if (!route) throw new Error(`cdn: no route for ${target}`);
      route.status = status;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
