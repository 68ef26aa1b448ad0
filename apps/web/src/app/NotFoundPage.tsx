import { ButtonLink, Card, EmptyState } from '../ui';

export function NotFoundPage() {
  return (
    <Card>
      <title>Not found · Switchyard</title>
      <EmptyState icon="alert" title="Page not found" description="The address does not match any page.">
        <div style={{ display: 'flex', justifyContent: 'center' }}>
          <ButtonLink to="/" variant="primary">
            Go to workflows
          </ButtonLink>
        </div>
      </EmptyState>
    </Card>
  );
}
