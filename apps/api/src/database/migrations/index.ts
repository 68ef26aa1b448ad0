import { Initial1795443851893 } from './1795443851893-initial';

/** Every migration, in order. CI checks that the entities need no further one (see test/integration). */
export const MIGRATIONS: Array<new () => object> = [Initial1795443851893];
