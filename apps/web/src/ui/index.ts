import './tokens.css';
import './base.css';

export * from './Badge';
export * from './Button';
export * from './Card';
export * from './CodeBlock';
export * from './CopyButton';
export * from './DescriptionList';
export * from './EmptyState';
export * from './ErrorState';
export * from './Icon';
export * from './LoadingState';
export * from './PageHeader';
export * from './RelativeTime';
export * from './Select';
export * from './Spinner';
export * from './Table';
