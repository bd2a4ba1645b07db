using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OwnerRegisterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_OwnerTeamId_DueOn_Id",
                table: "AgreedActivities",
                columns: new[] { "OwnerTeamId", "DueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_OwnerTeamId_DueOn_Id",
                table: "AgreedActivities");
        }
    }
}
