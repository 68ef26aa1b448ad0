import { prettyJson } from '../lib/pretty-json';
import { CopyButton } from './CopyButton';
import './CodeBlock.css';

export interface CodeBlockProps {
  /** Shown above the code; also names the copy button. */
  label: string;
  /** Raw text; use `value` instead to pretty-print JSON. */
  code?: string;
  value?: unknown;
  tone?: 'default' | 'danger';
  maxHeight?: number;
  /** Wraps long lines instead of scrolling sideways, for commands in narrow columns. */
  wrap?: boolean;
}

export function CodeBlock({ label, code, value, tone = 'default', maxHeight = 360, wrap = false }: CodeBlockProps) {
  const text = code ?? prettyJson(value);
  return (
    <figure className={tone === 'danger' ? 'sy-code sy-code--danger' : 'sy-code'}>
      <figcaption className="sy-code__header">
        <span className="sy-code__label">{label}</span>
        <CopyButton text={text} label={`Copy ${label.toLowerCase()}`} variant="ghost" />
      </figcaption>
      <pre className={wrap ? 'sy-code__pre sy-code__pre--wrap' : 'sy-code__pre'} style={{ maxHeight }} tabIndex={0} aria-label={label}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
