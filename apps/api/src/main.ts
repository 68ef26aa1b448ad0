import { startSwitchyard } from './bootstrap';
import { parseRole } from './config/config.schema';

async function main(): Promise<void> {
  const role = parseRole(process.argv.slice(2));
  const instance = await startSwitchyard({ env: process.env, role });
  const where = instance.config.embeddedDatabase
    ? `embedded PostgreSQL in ${instance.config.SWITCHYARD_DATA_DIR}`
    : 'PostgreSQL at DATABASE_URL';
  const queue = instance.config.REDIS_URL ? 'BullMQ on Redis' : 'in-process dispatcher';
  if (instance.url)
    console.log(`Switchyard (${role}) is running at ${instance.config.publicUrl} (listening on ${instance.url}; ${where}; ${queue})`);
  else console.log(`Switchyard worker is running (${where}; ${queue})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    instance.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
