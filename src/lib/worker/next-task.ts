/**
 * Resolves in a later task of the event loop: work after `await nextTask()` runs in a task of
 * its own, not in the one that is rendering. A MessageChannel message, not setTimeout(0),
 * which nested timers clamp to 4 ms and background tabs to a second
 * (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
