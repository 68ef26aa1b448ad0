import { runSwitchyard } from './program';

// The entry behind `npm run secrets:rotate-key`, kept for existing scripts: `switchyard rotate-key`.
runSwitchyard(['rotate-key', ...process.argv.slice(2)]).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
