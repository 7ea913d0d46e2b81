import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@tadoru/auth';
import { Neo4jService } from '@tadoru/graph';

/** Liveness and database reachability, for load balancers and for people: open (no key), and only the status. */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly db: Neo4jService) {}

  @Get()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: Response): Promise<{ status: string; database: string }> {
    const up = await this.db.ping();
    if (!up) res.status(503);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'unavailable' };
  }
}
