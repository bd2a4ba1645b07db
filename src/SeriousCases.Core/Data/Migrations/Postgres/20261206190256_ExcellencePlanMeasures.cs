using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExcellencePlanMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExcellenceMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    AllocationMillions = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Fte = table.Column<int>(type: "integer", nullable: true),
                    Intent = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Activity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Outcomes = table.Column<int>(type: "integer", nullable: false),
                    UnderpinningOutcomes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MeasuredBy = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BaselineAvailable = table.Column<bool>(type: "boolean", nullable: true),
                    ProgressMonitorable = table.Column<bool>(type: "boolean", nullable: true),
                    ContributionDemonstrable = table.Column<bool>(type: "boolean", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExcellenceMeasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SuccessFactors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeasureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Baseline = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Target = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ComputedAs = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuccessFactors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuccessFactors_ExcellenceMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "ExcellenceMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuccessFactorValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FactorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuccessFactorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuccessFactorValues_SuccessFactors_FactorId",
                        column: x => x.FactorId,
                        principalTable: "SuccessFactors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExcellenceMeasures_Name",
                table: "ExcellenceMeasures",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuccessFactors_MeasureId",
                table: "SuccessFactors",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_SuccessFactorValues_FactorId_PeriodFrom",
                table: "SuccessFactorValues",
                columns: new[] { "FactorId", "PeriodFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SuccessFactorValues");

            migrationBuilder.DropTable(
                name: "SuccessFactors");

            migrationBuilder.DropTable(
                name: "ExcellenceMeasures");
        }
    }
}
