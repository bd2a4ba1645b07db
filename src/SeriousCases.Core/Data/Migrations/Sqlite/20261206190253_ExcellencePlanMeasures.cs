using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocationMillions = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Fte = table.Column<int>(type: "INTEGER", nullable: true),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Outcomes = table.Column<int>(type: "INTEGER", nullable: false),
                    UnderpinningOutcomes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MeasuredBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BaselineAvailable = table.Column<bool>(type: "INTEGER", nullable: true),
                    ProgressMonitorable = table.Column<bool>(type: "INTEGER", nullable: true),
                    ContributionDemonstrable = table.Column<bool>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExcellenceMeasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SuccessFactors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Baseline = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ComputedAs = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FactorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
