using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            // Back-fill: the month of the IPR's latest dated step (Themes/FindingMonth.cs).
            migrationBuilder.Sql("""
                UPDATE "Findings" AS f SET "MonthKey" = CAST(EXTRACT(YEAR FROM i.d) * 100 + EXTRACT(MONTH FROM i.d) AS integer)
                FROM (SELECT "Id", COALESCE("ConcludedOn", "IprgReviewedOn", "SentToIprgOn", "LaunchedOn", "AcceptedOn", "NotifiedOn") AS d
                      FROM "Investigations") AS i
                WHERE f."InvestigationId" = i."Id" AND i.d IS NOT NULL;
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
