import { Injectable } from '@nestjs/common';
import { ConnectorsService } from '../../connectors/connectors.service.js';
import { DepartmentsRepository } from '../../departments/departments.repository.js';
import type { WebformSettings } from './webform-settings.js';

/**
 * Settings name a department and an email connector by id. These checks need lookups, so they
 * run beside validateSettings: on save (a 400), and in the connection test, since an empty
 * department may be deleted later (posts then fall back to routing).
 */
@Injectable()
export class WebformReferences {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly connectors: ConnectorsService,
  ) {}

  async problems(settings: WebformSettings): Promise<string[]> {
    const problems: string[] = [];
    if (settings.defaultDepartmentId && !(await this.departmentExists(settings.defaultDepartmentId)))
      problems.push('defaultDepartmentId names no department');
    if (settings.replyConnectorId && (await this.connectorKind(settings.replyConnectorId)) !== 'email')
      problems.push('replyConnectorId names no email connector');
    return problems;
  }

  async departmentExists(id: string): Promise<boolean> {
    return (await this.departments.findById(id)) !== null;
  }

  private async connectorKind(id: string): Promise<string | null> {
    try {
      return (await this.connectors.get(id)).kind;
    } catch {
      return null;
    }
  }
}
