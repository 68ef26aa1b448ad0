import { useEffect, useState } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from './Button';
import { copyText } from './copy-text';

export interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy trigger URL". */
  label: string;
  /** Visible text; without it the button shows only an icon. */
  children?: string;
  size?: ButtonSize;
  variant?: ButtonVariant;
}

export function CopyButton({ text, label, children, size = 'sm', variant = 'secondary' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 1800);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function handleClick() {
    setState((await copyText(text)) ? 'copied' : 'failed');
  }

  const visible = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children;
  return (
    <>
      <Button
        size={size}
        variant={variant}
        icon={state === 'copied' ? 'check' : 'copy'}
        aria-label={label}
        title={label}
        onClick={handleClick}
      >
        {visible}
      </Button>
      <span className="sy-visually-hidden" aria-live="polite">
        {state === 'copied' ? 'Copied to clipboard' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </>
  );
}
