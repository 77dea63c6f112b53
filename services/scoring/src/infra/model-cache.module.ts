import { Global, Module } from '@nestjs/common';
import { ModelCache } from './persistence/model-cache';

/** The parsed-model cache, shared by the consumers (inside MessagingModule) and the HTTP use cases. */
@Global()
@Module({ providers: [{ provide: ModelCache, useValue: new ModelCache() }], exports: [ModelCache] })
export class ModelCacheModule {}
