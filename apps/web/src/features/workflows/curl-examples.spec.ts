import { describe, expect, it } from 'vitest';
import { createWorkflowCurl, EXAMPLE_WORKFLOW, sendWebhookCurl, shellQuote } from './curl-examples';

describe('shellQuote', () => {
  it('wraps in single quotes and escapes embedded ones', () => {
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});

describe('createWorkflowCurl', () => {
  it('posts the example workflow to the origin', () => {
    const command = createWorkflowCurl({ origin: 'http://localhost:3000' });
    expect(command.split('\n')[0]).toBe("curl -X POST 'http://localhost:3000/api/workflows' \\");
    expect(command).toContain("-H 'content-type: application/json'");
    expect(command).toContain('-H "Authorization: Bearer $SWITCHYARD_API_KEY"');
    // The filter condition contains single quotes, so the body must survive shell quoting.
    expect(command).toContain(`"condition": "steps.shape.plan != '\\''free'\\''"`);
  });

  it('embeds a body that a shell would hand back unchanged', () => {
    const command = createWorkflowCurl({ origin: 'http://x' });
    const quoted = command.slice(command.indexOf("-d '") + 3);
    const unquoted = quoted.slice(1, -1).replace(/'\\''/g, "'");
    expect(JSON.parse(unquoted)).toEqual(EXAMPLE_WORKFLOW);
  });
});

describe('sendWebhookCurl', () => {
  it('posts a JSON body to the trigger URL', () => {
    expect(sendWebhookCurl({ url: 'http://localhost:3000/hooks/abc', body: { n: 1 } })).toBe(
      "curl -X POST 'http://localhost:3000/hooks/abc' \\\n  -H 'content-type: application/json' \\\n  -d '{\"n\":1}'",
    );
  });
});
