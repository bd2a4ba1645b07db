using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivityFinding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FindingId",
                table: "AgreedActivities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_FindingId",
                table: "AgreedActivities",
                column: "FindingId");

            migrationBuilder.AddForeignKey(
                name: "FK_AgreedActivities_Findings_FindingId",
                table: "AgreedActivities",
                column: "FindingId",
                principalTable: "Findings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgreedActivities_Findings_FindingId",
                table: "AgreedActivities");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_FindingId",
                table: "AgreedActivities");

            migrationBuilder.DropColumn(
                name: "FindingId",
                table: "AgreedActivities");
        }
    }
}
