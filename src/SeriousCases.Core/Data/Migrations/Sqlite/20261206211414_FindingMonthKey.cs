using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FindingMonthKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MonthKey",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

            // Back-fill: the month of the IPR's latest dated step (Themes/FindingMonth.cs); dates are stored as yyyy-MM-dd text.
            migrationBuilder.Sql("""
                UPDATE "Findings" SET "MonthKey" = (
                    SELECT CAST(substr(d, 1, 4) AS INTEGER) * 100 + CAST(substr(d, 6, 2) AS INTEGER)
                    FROM (SELECT COALESCE(i."ConcludedOn", i."IprgReviewedOn", i."SentToIprgOn", i."LaunchedOn", i."AcceptedOn", i."NotifiedOn") AS d
                          FROM "Investigations" i WHERE i."Id" = "Findings"."InvestigationId"));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_MonthKey",
                table: "Findings",
                column: "MonthKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Findings_MonthKey",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "MonthKey",
                table: "Findings");
        }
    }
}
