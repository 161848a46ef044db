import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module.js';
import { UsersModule } from '../users/users.module.js';
import { RoundRobinRepository } from './round-robin.repository.js';
import { RoutingRuleEntity } from './routing-rule.entity.js';
import { RoutingRulesController } from './routing-rules.controller.js';
import { RoutingRulesRepository } from './routing-rules.repository.js';
import { RoutingRulesService } from './routing-rules.service.js';
import { RoutingService } from './routing.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRuleEntity]), DepartmentsModule, UsersModule],
  controllers: [RoutingRulesController],
  providers: [RoutingRulesRepository, RoundRobinRepository, RoutingService, RoutingRulesService],
  exports: [RoutingService],
})
export class RoutingModule {}
