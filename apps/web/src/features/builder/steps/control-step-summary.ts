import type { StepDefinition } from '../../../api';
import { branchOtherwise, branchPaths, getList } from '../state/step-tree';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line about a control step for its collapsed card: "2 paths + otherwise", "For each in trigger.body.items". */
export function controlStepSummary(step: StepDefinition): string {
  switch (step.type) {
    case 'branch': {
      const paths = branchPaths(step);
      const names = paths.map((path, index) => path.name || `Path ${index + 1}`).join(', ');
      return `${plural(paths.length, 'path')}${branchOtherwise(step) ? ' + otherwise' : ''}${names ? `: ${names}` : ''}`;
    }
    case 'loop': {
      const inner = getList(step, 'steps')?.length ?? 0;
      return step.items ? `For each item in ${String(step.items)} · ${plural(inner, 'step')}` : '';
    }
    case 'delay':
      if (step.mode === 'until') return step.until ? `Until ${String(step.until)}` : '';
      if (typeof step.amount !== 'number') return '';
      return `For ${step.amount} ${String(step.unit ?? 'minutes').replace(/s$/, step.amount === 1 ? '' : 's')}`;
    case 'respond':
      return `Answers ${typeof step.status === 'number' ? step.status : 200}${step.body ? ` with ${String(step.body)}` : ''}`;
    case 'stop':
      return `Ends the run as ${step.status === 'failed' ? 'failed' : 'succeeded'}${step.message ? `: ${String(step.message)}` : ''}`;
    default:
      return '';
  }
}
