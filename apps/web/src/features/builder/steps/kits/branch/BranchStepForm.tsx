import { MAX_BRANCH_PATHS } from '@switchyard/engine';
import { Badge, Button, TextInput } from '../../../../../ui';
import { useBuilderContext } from '../../../builder-context';
import { ChoiceGroup, formIssues, messages } from '../../form-parts/control-form-parts';
import { ExpressionField } from '../../form-parts/ExpressionField';
import { NestedStepList } from '../../nested-step-list';
import type { StepFormProps } from '../step-form';

/** Whether the sample takes a path: shown beside each path's title. */
function PathVerdict({ taken, known }: { taken: boolean; known: boolean }) {
  if (!known) return null;
  return taken ? <Badge tone="success">Runs on the sample</Badge> : <Badge tone="neutral">Skipped on the sample</Badge>;
}

/**
 * Paths: each path has a name, a "Run this path if" condition and its own steps; the first
 * matching path runs (or every matching one), and "Otherwise" when none matches.
 */
export function BranchStepForm(props: StepFormProps<'branch'>) {
  const { entry, index, setField } = props;
  const { store, outputs } = useBuilderContext();
  const { key, step } = entry;
  const paths = step.paths ?? [];
  const otherwise = step.otherwise;
  const preview = outputs[key];
  const known = preview?.source === 'preview' && preview.matchedPaths !== undefined;
  const edit = (operation: Parameters<typeof store.dispatch>[0] & { type: 'edit' }) => store.dispatch(operation);
  const listIssues = messages(formIssues(props, 'paths').concat(formIssues(props, 'otherwise')));
  return (
    <>
      <ChoiceGroup
        name={`step-${key}-mode`}
        legend="Which paths run"
        value={step.mode === 'every-match' ? 'every-match' : 'first-match'}
        choices={[
          { value: 'first-match', label: 'Only the first matching path' },
          { value: 'every-match', label: 'Every matching path, in order' },
        ]}
        onChange={(mode) => setField('mode', mode)}
        errors={messages(formIssues(props, 'mode'))}
      />
      {listIssues.length ? (
        <ul className="sy-field__errors" role="alert">
          {listIssues.map((message, position) => (
            <li key={position}>{message}</li>
          ))}
        </ul>
      ) : null}
      {paths.map((path, pathIndex) => {
        const label = path.name || `Path ${pathIndex + 1}`;
        return (
          <section
            key={pathIndex}
            className="sy-control-form__path"
            aria-label={`Path ${pathIndex + 1}: ${label}`}
            data-path-index={pathIndex}
          >
            <div className="sy-control-form__path-header">
              <span className="sy-control-form__path-title">Path {pathIndex + 1}</span>
              <PathVerdict taken={Boolean(preview?.matchedPaths?.includes(pathIndex))} known={known} />
              <Button
                variant="ghost"
                size="sm"
                icon="trash"
                aria-label={`Remove path ${pathIndex + 1}`}
                title="Remove this path and its steps"
                onClick={() => edit({ type: 'edit', operation: { type: 'deletePath', key, pathIndex } })}
              >
                Remove
              </Button>
            </div>
            <TextInput
              label="Path name"
              optional
              value={path.name ?? ''}
              placeholder={`Path ${pathIndex + 1}`}
              errors={messages(formIssues(props, `paths.${pathIndex}.name`))}
              onChange={(value) => edit({ type: 'edit', operation: { type: 'setPathField', key, pathIndex, field: 'name', value } })}
            />
            <ExpressionField
              id={`step-${key}-path-${pathIndex}-condition`}
              label="Run this path if"
              targetLabel={`Step ${index + 1} · ${label} condition`}
              description="A JSONata condition, checked in order with the other paths."
              value={path.condition ?? ''}
              onChange={(value) => edit({ type: 'edit', operation: { type: 'setPathField', key, pathIndex, field: 'condition', value } })}
              stepIndex={index}
              kind="condition"
              conditionLabels={{ pass: 'True on the sample', fail: 'False on the sample' }}
              placeholder={"trigger.body.country = 'DE'"}
              issues={formIssues(props, `paths.${pathIndex}.condition`)}
            />
            <NestedStepList
              steps={path.steps ?? []}
              list={{ parentKey: key, list: pathIndex }}
              label={`Steps of ${label}`}
              where={`in ${label}`}
            />
          </section>
        );
      })}
      <div>
        <Button
          size="sm"
          icon="plus"
          disabled={paths.length >= MAX_BRANCH_PATHS}
          title={paths.length >= MAX_BRANCH_PATHS ? `At most ${MAX_BRANCH_PATHS} paths` : undefined}
          onClick={() => edit({ type: 'edit', operation: { type: 'addPath', key } })}
        >
          Add a path
        </Button>
      </div>
      <label className="sy-control-form__choice">
        <input
          type="checkbox"
          checked={otherwise !== undefined}
          onChange={(event) => edit({ type: 'edit', operation: { type: 'setOtherwise', key, enabled: event.target.checked } })}
        />
        <span>Otherwise: run other steps when no path matches</span>
      </label>
      {otherwise ? (
        <section
          className="sy-control-form__path sy-control-form__path--otherwise"
          aria-label={`Otherwise: ${otherwise.name || 'Otherwise'}`}
        >
          <div className="sy-control-form__path-header">
            <span className="sy-control-form__path-title">Otherwise</span>
            <PathVerdict taken={Boolean(preview?.otherwiseTaken)} known={known} />
          </div>
          <TextInput
            label="Path name"
            optional
            value={otherwise.name ?? ''}
            placeholder="Otherwise"
            errors={messages(formIssues(props, 'otherwise.name'))}
            onChange={(value) =>
              edit({ type: 'edit', operation: { type: 'setPathField', key, pathIndex: 'otherwise', field: 'name', value } })
            }
          />
          <NestedStepList
            steps={otherwise.steps ?? []}
            list={{ parentKey: key, list: 'otherwise' }}
            label="Steps of Otherwise"
            where="in Otherwise"
          />
        </section>
      ) : null}
    </>
  );
}
