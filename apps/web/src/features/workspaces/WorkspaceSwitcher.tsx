import { useId, useState } from 'react';
import { Button, Dialog, ErrorState, Icon, TextInput, useMenuPopover } from '../../ui';
import { allDetailsShown, fieldErrors } from '../settings/field-errors';
import { ROLE_LABELS } from './roles';
import { useCurrentWorkspace } from './use-role';
import { useCreateWorkspace, useSwitchWorkspace } from './use-switch-workspace';
import './WorkspaceSwitcher.css';

function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const create = useCreateWorkspace();
  const formId = useId();

  function close() {
    setName('');
    create.reset();
    onClose();
  }

  return (
    <Dialog
      open={open}
      title="Create a workspace"
      onClose={close}
      actions={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} loading={create.isPending} disabled={!name.trim()}>
            Create workspace
          </Button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) create.mutate({ name: name.trim() }, { onSuccess: close });
        }}
      >
        <TextInput
          label="Workspace name"
          description="A workspace has its own workflows, runs, credentials and members. You will be its owner."
          value={name}
          onChange={setName}
          autoFocus
          maxLength={100}
          errors={fieldErrors({ error: create.error, path: 'name' })}
        />
      </form>
      {create.isError && !allDetailsShown({ error: create.error, paths: ['name'] }) ? (
        <ErrorState title="Could not create the workspace" error={create.error} />
      ) : null}
    </Dialog>
  );
}

/** The current workspace in the sidebar; opens a list to switch to another one or create one. */
export function WorkspaceSwitcher() {
  const { workspace, workspaces } = useCurrentWorkspace();
  const switchTo = useSwitchWorkspace();
  const {
    open,
    setOpen,
    root,
    button,
    menuId: listId,
    onKeyDown,
  } = useMenuPopover({ items: '[role^="menuitem"]', focusFirst: '[aria-checked="true"], [role^="menuitem"]' });
  const [creating, setCreating] = useState(false);

  if (!workspace) return null;
  return (
    <div className="sy-switcher" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="sy-switcher__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={`Workspace: ${workspace.name}, ${ROLE_LABELS[workspace.role]}. Switch workspace`}
        onClick={() => setOpen((value) => !value)}
      >
        {/* The letter is drawn by CSS: as text it would count as visible text missing from the label (WCAG 2.5.3). */}
        <span
          className="sy-switcher__avatar"
          aria-hidden="true"
          data-letter={(workspace.name ?? '').trim().charAt(0).toUpperCase() || 'W'}
        />
        <span className="sy-switcher__text">
          <span className="sy-switcher__name">{workspace.name}</span>{' '}
          <span className="sy-switcher__role">{ROLE_LABELS[workspace.role]}</span>
        </span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open ? (
        <div className="sy-switcher__list" role="menu" id={listId} aria-label="Workspaces">
          <p className="sy-switcher__heading" aria-hidden="true">
            Workspaces
          </p>
          {workspaces.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitemradio"
              aria-checked={item.id === workspace.id}
              className="sy-switcher__item"
              onClick={() => {
                setOpen(false);
                if (item.id !== workspace.id) switchTo(item.id);
              }}
            >
              <span className="sy-switcher__check" aria-hidden="true">
                {item.id === workspace.id ? <Icon name="check" size={14} /> : null}
              </span>
              <span className="sy-switcher__item-name">{item.name}</span>
              <span className="sy-switcher__item-role">{ROLE_LABELS[item.role]}</span>
            </button>
          ))}
          <div className="sy-switcher__divider" role="separator" />
          <button
            type="button"
            role="menuitem"
            className="sy-switcher__item"
            onClick={() => {
              setOpen(false);
              setCreating(true);
            }}
          >
            <span className="sy-switcher__check" aria-hidden="true">
              <Icon name="plus" size={14} />
            </span>
            Create workspace
          </button>
        </div>
      ) : null}
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
