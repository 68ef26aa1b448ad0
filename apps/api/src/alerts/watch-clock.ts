/** The watcher's clock port: the system time in production, a controlled one in tests. */
export class WatchClock {
  now(): Date {
    return new Date();
  }
}
