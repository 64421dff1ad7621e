/** Where the service learns the time: the system clock in production, a movable one in tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
