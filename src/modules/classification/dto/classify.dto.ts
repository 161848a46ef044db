import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ClassifyDto {
  @ApiProperty({ example: 'Das Paket kam drei Tage zu spät und der Karton war beschädigt.' })
  @IsString()
  // Whitespace-only text has nothing to classify; the caller should know rather than get a guess.
  @Matches(/\S/, { message: 'text must not be empty' })
  text: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Star rating, when the remark has one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;
}

export class ClassificationDto {
  @ApiProperty({ example: 'de', description: "'de', 'en' or 'other'" })
  language: string;

  @ApiProperty({ example: { label: 'negative', score: -0.82 } })
  sentiment: { label: 'negative' | 'neutral' | 'positive'; score: number };

  @ApiProperty({ example: [{ id: 'delivery', confidence: 0.91 }], description: 'Best first' })
  topics: { id: string; confidence: number }[];
}
