import { Controller, Get, Header, Inject } from '@nestjs/common';
import { buildOpenApiDocument, type ResponseOf } from '@switchyard/contract';
import { switchyardVersion } from '../cli/version';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { API_DOCS_ASSETS } from './api-docs-assets';

/** The page is static: the renderer and its starter script are files under API_DOCS_ASSETS (no inline script, so the CSP holds). */
const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Switchyard API reference</title>
    <link rel="stylesheet" href="${API_DOCS_ASSETS}/swagger-ui.css" />
  </head>
  <body>
    <div id="api-reference"></div>
    <script src="${API_DOCS_ASSETS}/swagger-ui-bundle.js"></script>
    <script src="${API_DOCS_ASSETS}/start.js"></script>
  </body>
</html>
`;

@Controller('api')
export class OpenApiController {
  private document: ResponseOf<'GET /api/openapi.json'> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Generated once per process from the contract: the same schemas the server validates with. */
  @Get('openapi.json')
  openApi(): ResponseOf<'GET /api/openapi.json'> {
    this.document ??= buildOpenApiDocument({
      version: switchyardVersion(),
      serverUrl: this.config.publicUrl,
    }) as ResponseOf<'GET /api/openapi.json'>;
    return this.document;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return DOCS_PAGE;
  }
}
