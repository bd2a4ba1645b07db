using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegisterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_AccountableDirectorGeneral",
                table: "AgreedActivities",
                column: "AccountableDirectorGeneral",
                filter: "\"AccountableDirectorGeneral\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_Open_DueOn",
                table: "AgreedActivities",
                columns: new[] { "DueOn", "Id" },
                filter: "\"Status\" IN ('NotStarted', 'InProgress')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_AccountableDirectorGeneral",
                table: "AgreedActivities");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_Open_DueOn",
                table: "AgreedActivities");
        }
    }
}
