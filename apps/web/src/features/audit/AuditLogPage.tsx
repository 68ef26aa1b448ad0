import { Fragment, useState } from 'react';
import type { AuditEntry } from '../../api';
import { formatDateTime } from '../../lib/format-date';
import { Button, Card, DescriptionList, EmptyState, ErrorState, Icon, LoadingState, RelativeTime } from '../../ui';
import { AuditChanges } from './AuditChanges';
import { describeAction, describeActor, describeTarget, hasChanges } from './audit-labels';
import { useAuditLog } from './use-audit';
import '../../ui/Table.css';
import './AuditLogPage.css';

/** What an entry records besides a before and after: who, what exactly, on which object, when. */
function AuditFacts({ entry }: { entry: AuditEntry }) {
  return (
    <DescriptionList
      items={[
        { label: 'When', value: formatDateTime({ iso: entry.at }) },
        { label: 'Who', value: `${describeActor(entry.actor)}${entry.actor.type === 'api-key' ? ' (API key)' : ''}` },
        { label: 'Action', value: <code>{entry.action}</code> },
        {
          label: 'Target',
          value: (
            <>
              {describeTarget(entry.target)}
              {entry.target.id ? (
                <>
                  {' '}
                  <code className="sy-muted">{entry.target.id}</code>
                </>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

function AuditRow({ entry, open, onToggle }: { entry: AuditEntry; open: boolean; onToggle: () => void }) {
  const changed = hasChanges(entry);
  const detailsId = `audit-${entry.id}`;
  const what = `${describeAction(entry.action)} ${describeTarget(entry.target)}`;
  return (
    <Fragment>
      <tr
        className={open ? 'sy-table__row sy-table__row--selected sy-audit__row' : 'sy-table__row sy-audit__row'}
        // A click anywhere on the row opens it too; the button is the keyboard's way in.
        onClick={(event) => {
          if (!(event.target as HTMLElement).closest('button, a')) onToggle();
        }}
      >
        <td className="sy-table__cell sy-audit__expand">
          <button
            type="button"
            className="sy-audit__toggle"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} ${changed ? 'before and after' : 'details'} of ${what}`}
            onClick={onToggle}
          >
            <Icon name="chevronRight" size={12} />
          </button>
        </td>
        <td className="sy-table__cell">
          <span className="sy-audit__when">
            <RelativeTime iso={entry.at} />
            <span className="sy-muted">{formatDateTime({ iso: entry.at })}</span>
          </span>
        </td>
        <td className="sy-table__cell">{describeActor(entry.actor)}</td>
        <td className="sy-table__cell">
          <span className="sy-audit__action" title={entry.action}>
            {describeAction(entry.action)}
          </span>
        </td>
        <td className="sy-table__cell sy-table__cell--hide-sm">{describeTarget(entry.target)}</td>
      </tr>
      {open ? (
        <tr className="sy-audit__details-row" id={detailsId}>
          <td className="sy-table__cell" colSpan={5}>
            <div className="sy-audit__details">
              <AuditFacts entry={entry} />
              {changed ? (
                <AuditChanges entry={entry} />
              ) : (
                <p className="sy-muted">Nothing to compare: this entry records no before and after.</p>
              )}
            </div>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

/** `/settings/audit`: who changed what in this workspace, newest first. */
export function AuditLogPage() {
  const log = useAuditLog();
  const [open, setOpen] = useState<Set<string>>(() => new Set());

  function toggle(id: string) {
    setOpen((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <>
      <title>Audit log · Settings · Switchyard</title>
      {log.isPending ? (
        <Card>
          <LoadingState label="Loading the audit log…" />
        </Card>
      ) : log.isError ? (
        <ErrorState title="Could not load the audit log" error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Card
          flush
          title="Audit log"
          description="Every change to workflows, credentials, members, invites and API keys, newest first. Open an entry to compare before and after."
          actions={
            <Button
              size="sm"
              icon="refresh"
              onClick={() => void log.refetch()}
              loading={log.isRefetching && !log.isFetchingNextPage}
              aria-label="Refresh the audit log"
            />
          }
        >
          {log.entries.length === 0 ? (
            <EmptyState icon="history" title="Nothing recorded yet" description="Changes made in this workspace will show here." />
          ) : (
            <div className="sy-table__scroll">
              <table className="sy-table sy-audit__table">
                <caption className="sy-visually-hidden">Audit log of this workspace</caption>
                <thead>
                  <tr>
                    <th scope="col" className="sy-table__cell" style={{ width: '40px' }}>
                      <span className="sy-visually-hidden">Details</span>
                    </th>
                    <th scope="col" className="sy-table__cell" style={{ width: '190px' }}>
                      Time
                    </th>
                    <th scope="col" className="sy-table__cell">
                      Who
                    </th>
                    <th scope="col" className="sy-table__cell">
                      Action
                    </th>
                    <th scope="col" className="sy-table__cell sy-table__cell--hide-sm">
                      Target
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {log.entries.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} open={open.has(entry.id)} onToggle={() => toggle(entry.id)} />
                  ))}
                </tbody>
              </table>
              {log.hasNextPage ? (
                <div className="sy-table__footer">
                  <Button size="sm" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                    Load older entries
                  </Button>
                </div>
              ) : null}
            </div>
          )}
        </Card>
      )}
    </>
  );
}
