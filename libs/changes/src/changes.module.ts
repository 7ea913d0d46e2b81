import { Module } from '@nestjs/common';
import { StoreModule } from '@tadoru/store';
import { ChangeRequestsRepository } from './change-requests.repository';
import { ChangesService } from './changes.service';
import { ReviewService } from './review.service';

@Module({
  imports: [StoreModule],
  providers: [ChangesService, ReviewService, ChangeRequestsRepository],
  exports: [ChangesService, ReviewService, StoreModule],
})
export class ChangesModule {}
