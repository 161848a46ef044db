import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactDataRepository } from './contact-data.repository.js';
import { ContactDataService } from './contact-data.service.js';
import { ContactEntity } from './contact.entity.js';
import { ContactsController } from './contacts.controller.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ContactEntity])],
  controllers: [ContactsController],
  providers: [ContactsRepository, ContactsService, ContactDataRepository, ContactDataService],
  exports: [ContactsService],
})
export class ContactsModule {}
