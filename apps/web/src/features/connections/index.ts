export { ConnectionDialog } from './ConnectionDialog';
export { ConnectionSelect } from './ConnectionSelect';
export { useConnections } from './use-connections';
