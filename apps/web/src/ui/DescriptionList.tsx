import type { ReactNode } from 'react';
import './DescriptionList.css';

export interface DescriptionItem {
  label: string;
  value: ReactNode;
}

/** Label/value pairs laid out in a responsive grid. */
export function DescriptionList({ items }: { items: DescriptionItem[] }) {
  return (
    <dl className="sy-dl">
      {items.map((item) => (
        <div className="sy-dl__item" key={item.label}>
          <dt className="sy-dl__label">{item.label}</dt>
          <dd className="sy-dl__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
