import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@tadoru/common';
import { MapDirectoryRepository } from './map-directory.repository';
import { busyMessage, StoredMapInfo } from './map-info';

/** Which maps are stored, and the one a question is about. */
@Injectable()
export class MapDirectoryService {
  constructor(private readonly repository: MapDirectoryRepository) {}

  /** The stored map, ready to read: refused while a bulk import, swap or removal holds it. */
  async getMap(name: string): Promise<StoredMapInfo> {
    const info = await this.repository.find(name);
    if (!info || info.busy === 'importing') throw new NotFoundError('map', name, 'map');
    if (info.busy) throw new ConflictError(busyMessage(name, info.busy));
    return info;
  }

  findMap(name: string): Promise<StoredMapInfo | undefined> {
    return this.repository.find(name);
  }

  listMaps(): Promise<StoredMapInfo[]> {
    return this.repository.list();
  }
}
