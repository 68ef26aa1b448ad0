import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, EmptyState, ErrorState, Icon, PageHeader, TextInput } from '../../../ui';
import { useCan, useCurrentWorkspace } from '../../workspaces/use-role';
import { useCreateWorkflow } from '../../workflows/use-workflow-mutations';
import { workflowEditorPath } from '../../workflows/workflow-paths';
import { writePersistedSample } from '../hooks/use-persisted-sample';
import { StepIcon } from '../steps/StepIcon';
import { BLANK_TEMPLATE, WORKFLOW_TEMPLATES, type WorkflowTemplate } from './workflow-templates';
import './NewWorkflowPage.css';

/** `/workflows/new`: name the workflow and start blank or from a template. */
export function NewWorkflowPage() {
  const navigate = useNavigate();
  const create = useCreateWorkflow();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const canCreate = useCan('workflow.create');
  const { isPending: roleLoading } = useCurrentWorkspace();

  async function start(template: WorkflowTemplate) {
    setChosen(template.id);
    const workflow = await create.mutateAsync({
      name: name.trim() || (template.id === BLANK_TEMPLATE.id ? 'Untitled workflow' : template.name),
      trigger: template.trigger,
      steps: template.steps,
      // A new workflow starts off, so a half-built flow never runs; the user turns it on.
      active: false,
    });
    if (template.sample) writePersistedSample(workflow.id, { source: 'template', trigger: template.sample });
    navigate(workflowEditorPath(workflow.id), { state: { templateId: template.id } });
  }

  const templates = [BLANK_TEMPLATE, ...WORKFLOW_TEMPLATES];
  if (!canCreate && !roleLoading) {
    return (
      <>
        <PageHeader back={{ to: '/', label: 'All workflows' }} title="Create a workflow" />
        <Card>
          <EmptyState
            icon="alert"
            title="Viewers cannot create workflows"
            description="Ask an owner or admin of this workspace for the editor role."
          />
        </Card>
      </>
    );
  }
  return (
    <>
      <title>New workflow · Switchyard</title>
      <PageHeader
        back={{ to: '/', label: 'All workflows' }}
        title="Create a workflow"
        description="Start from scratch, or from a template with the steps already in place."
      />
      <div className="sy-new-workflow">
        <TextInput
          label="Name"
          optional
          placeholder="e.g. New orders to Slack"
          value={name}
          className="sy-new-workflow__name"
          onChange={setName}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void start(BLANK_TEMPLATE).catch(() => undefined);
          }}
        />
        {create.isError ? <ErrorState title="Could not create the workflow" error={create.error} /> : null}
        <ul className="sy-templates" aria-label="Templates">
          {templates.map((template) => (
            <li key={template.id} className={template.id === BLANK_TEMPLATE.id ? 'sy-template sy-template--blank' : 'sy-template'}>
              <div className="sy-template__icons" aria-hidden="true">
                <span className="sy-step-icon sy-step-icon--trigger">
                  <Icon name="bolt" size={16} />
                </span>
                {template.steps.map((step) => (
                  <StepIcon key={step.id} type={step.type} />
                ))}
                {template.steps.length === 0 ? (
                  <span className="sy-step-icon sy-template__add">
                    <Icon name="plus" size={16} />
                  </span>
                ) : null}
              </div>
              <h2 className="sy-template__title">{template.name}</h2>
              <p className="sy-template__description">{template.description}</p>
              {template.todo.length ? (
                <ul className="sy-template__todo" aria-label={`You fill in (${template.name})`}>
                  {template.todo.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ) : null}
              <div className="sy-template__actions">
                <Button
                  variant={template.id === BLANK_TEMPLATE.id ? 'primary' : 'secondary'}
                  icon={template.id === BLANK_TEMPLATE.id ? 'plus' : 'template'}
                  loading={create.isPending && chosen === template.id}
                  disabled={create.isPending}
                  aria-label={template.id === BLANK_TEMPLATE.id ? 'Start blank' : `Use template: ${template.name}`}
                  onClick={() => void start(template).catch(() => undefined)}
                >
                  {template.id === BLANK_TEMPLATE.id ? 'Start blank' : 'Use template'}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
