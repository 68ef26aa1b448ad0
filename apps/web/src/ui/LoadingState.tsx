import { Spinner } from './Spinner';
import './LoadingState.css';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="sy-loading">
      <Spinner size={18} />
      <span role="status">{label}</span>
    </div>
  );
}
