// Waiting for work on the pool while a job's checkpoint (its cancel) is polled: the work's end or its
// failure ends the wait at once, a cancel within POLL_MS. On either failure `stop` aborts the tasks and
// waits for them to end before the error goes on, so no worker is left computing for a job that is over.
/** how often the checkpoint is polled while the work runs */
const POLL_MS = 25

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export async function whileRunning<T>(work: Promise<T>, checkpoint: (() => Promise<void>) | undefined, stop: () => Promise<unknown>): Promise<T> {
  let settled = false
  work.then(
    () => (settled = true),
    () => (settled = true)
  )
  try {
    while (!settled && checkpoint) {
      await Promise.race([work, delay(POLL_MS)])
      await checkpoint()
    }
    return await work
  } catch (e) {
    await stop()
    throw e
  }
}
