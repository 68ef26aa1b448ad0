import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';

/** `GET /api/openapi.json` (generated from the contract) and its rendered reference at `/api/docs`. */
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
