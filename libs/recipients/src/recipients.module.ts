import { Module } from '@nestjs/common';
import { CatalogModule } from '@tadoru/catalog';
import { LineageModule } from '@tadoru/lineage';
import { RulesModule } from '@tadoru/rules';
import { RecipientsService } from './recipients.service';

@Module({ imports: [CatalogModule, LineageModule, RulesModule], providers: [RecipientsService], exports: [RecipientsService] })
export class RecipientsModule {}
