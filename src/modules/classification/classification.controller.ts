import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClassificationService } from './classification.service.js';
import { ClassificationDto, ClassifyDto } from './dto/classify.dto.js';

@ApiTags('classification')
@ApiBearerAuth()
@Controller('api/classify')
export class ClassificationController {
  constructor(private readonly classification: ClassificationService) {}

  /** Language, sentiment and ranked topics of a text; any signed-in user. */
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: ClassificationDto })
  classify(@Body() body: ClassifyDto): ClassificationDto {
    return this.classification.classify(body.text, { rating: body.rating });
  }
}
