import type { Logger } from '../common/logger';
import type { AppConfig } from '../config/config.schema';
import { loadMasterKeys } from './master-key';
import { SecretBox } from './secret-box';
import type { SecretBoxProvider } from './trigger-secrets.service';

/**
 * The master key is read (or generated) on first use. Workers need it to decrypt credentials but
 * never generate one: theirs could decrypt nothing the api sealed.
 */
export function secretBoxProvider(config: AppConfig, logger: Logger): SecretBoxProvider {
  let box: SecretBox | null = null;
  return () => {
    if (!box) {
      const keys = loadMasterKeys({
        generate: config.role !== 'worker',
        secretKey: config.SWITCHYARD_SECRET_KEY,
        previousKeys: config.SWITCHYARD_SECRET_KEY_PREVIOUS,
        dataDir: config.SWITCHYARD_DATA_DIR,
        logger,
        shared: !config.embeddedDatabase,
      });
      box = new SecretBox(keys.key, keys.previous);
    }
    return box;
  };
}
