// DevTools-protocol helpers the harness does not need: stopping the
// extension's service worker, and talking to it directly.
// https://chromedevtools.github.io/devtools-protocol/

import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Stops every service worker of the browser and resolves once none is
 * left running, so that the next request must start ours again. A message
 * sent while a worker is still stopping can be lost, hence the wait for
 * its target to go. `session` is a CDP session of any page.
 * https://chromedevtools.github.io/devtools-protocol/tot/ServiceWorker/
 */
export async function stopWorkers(session, { timeout = 10_000 } = {}) {
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const { targetInfos } = await session.send('Target.getTargets');
    if (!targetInfos.some((t) => t.type === 'service_worker')) return;
    await sleep(50);
  }
  throw new Error(`the service worker still runs after ${timeout} ms`);
}

/**
 * Attaches to the extension's running service worker through a page's
 * CDP session (Playwright offers sessions on pages only) and returns
 * `{ send(method, params), detach() }` for protocol calls in the worker.
 */
export async function attachToWorker(session, extensionId) {
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' &&
    t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('the extension has no running worker');
  const { sessionId } = await session.send('Target.attachToTarget',
    { targetId: target.targetId, flatten: false });

  let lastId = 0;
  const pending = new Map();
  const onMessage = (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const settle = pending.get(message.id);
    if (!settle) return;
    pending.delete(message.id);
    settle(message);
  };
  session.on('Target.receivedMessageFromTarget', onMessage);

  return {
    send(method, params = {}) {
      const id = ++lastId;
      const reply = new Promise((resolve, reject) => {
        pending.set(id, (m) => (m.error
          ? reject(new Error(`${method}: ${m.error.message}`))
          : resolve(m.result)));
      });
      session.send('Target.sendMessageToTarget',
        { sessionId, message: JSON.stringify({ id, method, params }) });
      return reply;
    },
    async detach() {
      session.off('Target.receivedMessageFromTarget', onMessage);
      await session.send('Target.detachFromTarget', { sessionId });
    },
  };
}
