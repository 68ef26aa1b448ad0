// Workflow definitions that several test levels use. No import of the server here: the e2e specs
// that only spawn the built server stay quick to load.

/** map -> filter -> http to `${sinkUrl}/orders/<id>`: the path of one webhook, end to end. */
export function mapFilterHttp(sinkUrl: string) {
  return {
    name: 'Orders to sink',
    trigger: { type: 'webhook' },
    steps: [
      { id: 'shape', type: 'map', expression: '{ "order": trigger.body.id, "total": trigger.body.amount * 2, "at": $now() }' },
      { id: 'big', type: 'filter', condition: 'steps.shape.total > 10' },
      {
        id: 'send',
        type: 'http',
        method: 'POST',
        url: `${sinkUrl}/orders/{{ steps.shape.order }}`,
        headers: { 'x-order': '{{ steps.shape.order }}' },
        body: 'steps.shape',
      },
    ],
  };
}
