import { type MouseEvent, type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import './Table.css';

export interface TableColumn<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  align?: 'start' | 'end';
  width?: string;
  /** Hides the column on narrow windows, where less important data gives way. */
  hideBelow?: 'sm' | 'md';
  /** Extra class on the column's cells, e.g. for container queries of the page using the table. */
  className?: string;
}

export interface TableProps<T> {
  /** Read by screen readers; not shown. */
  caption: string;
  columns: TableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Makes the whole row clickable. Keep a real link in one cell for keyboard users. */
  rowHref?: (row: T) => string;
  /** Highlights rows, e.g. the one whose details are shown beside the table. */
  rowSelected?: (row: T) => boolean;
  footer?: ReactNode;
}

function isInteractiveTarget(event: MouseEvent): boolean {
  return Boolean((event.target as HTMLElement).closest('a, button, input, select, textarea, [role="button"]'));
}

/**
 * Whether the element's content is wider than the element (it scrolls sideways), kept up to date as
 * the window or the content changes size.
 */
function useOverflowsSideways(element: { current: HTMLElement | null }): boolean {
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const target = element.current;
    if (!target || typeof ResizeObserver === 'undefined') return;
    const check = () => setOverflows(target.scrollWidth > target.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(target);
    if (target.firstElementChild) observer.observe(target.firstElementChild);
    return () => observer.disconnect();
  }, [element]);
  return overflows;
}

export function Table<T>({ caption, columns, rows, rowKey, rowHref, rowSelected, footer }: TableProps<T>) {
  const navigate = useNavigate();
  const scroller = useRef<HTMLDivElement>(null);
  // A table wider than its place scrolls sideways: keyboard users reach the scrolling by its focus.
  const overflows = useOverflowsSideways(scroller);

  function handleRowClick(event: MouseEvent, row: T) {
    if (!rowHref || isInteractiveTarget(event)) return;
    if (window.getSelection()?.toString()) return;
    const href = rowHref(row);
    if (event.metaKey || event.ctrlKey) {
      window.open(href, '_blank', 'noopener');
      return;
    }
    navigate(href);
  }

  function cellClass(column: TableColumn<T>): string {
    return [
      'sy-table__cell',
      column.align === 'end' && 'sy-table__cell--end',
      column.hideBelow && `sy-table__cell--hide-${column.hideBelow}`,
      column.className,
    ]
      .filter(Boolean)
      .join(' ');
  }

  return (
    <div
      ref={scroller}
      className="sy-table__scroll"
      {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': `${caption} (scrolls sideways)` } : {})}
    >
      <table className="sy-table">
        <caption className="sy-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cellClass(column)} style={column.width ? { width: column.width } : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className={['sy-table__row', rowHref && 'sy-table__row--link', rowSelected?.(row) && 'sy-table__row--selected']
                .filter(Boolean)
                .join(' ')}
              onClick={rowHref ? (event) => handleRowClick(event, row) : undefined}
            >
              {columns.map((column) => (
                <td key={column.key} className={cellClass(column)}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {footer ? <div className="sy-table__footer">{footer}</div> : null}
    </div>
  );
}
