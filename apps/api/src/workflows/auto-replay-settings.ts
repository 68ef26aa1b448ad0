export {
  alertsSchema,
  autoReplaySchema,
  DEFAULT_AUTO_REPLAY_SCHEDULE,
  parseDuration,
  type AlertSettings,
  type AutoReplaySettings,
} from '@switchyard/contract';
