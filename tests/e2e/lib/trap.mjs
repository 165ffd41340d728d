// A TCP port that should never be called: host names a hostile page
// names are mapped here (see launchBrowser's extraHosts), and every
// connection is recorded with its first bytes, whatever the protocol, so
// a test can say "nothing was even attempted".

import { createServer } from 'node:net';

/** Starts the trap on 127.0.0.1; `connections` lists {time, first}. */
export async function startTrap() {
  const connections = [];
  const sockets = new Set();
  const server = createServer((socket) => {
    const seen = { time: Date.now(), first: '' };
    connections.push(seen);
    sockets.add(socket);
    socket.once('data', (data) => {
      // Printable bytes only: enough to tell `GET /…` from a TLS hello.
      seen.first = data.subarray(0, 200).toString('latin1')
        .replace(/[^\x20-\x7e]/g, '.');
      socket.destroy();
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    connections,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
