using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ThemeSuggestionsKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ThemeSuggestion",
                table: "InsightItems",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThemeSuggestion",
                table: "Findings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ThemeModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Model = table.Column<byte[]>(type: "bytea", nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TrainedOn = table.Column<int>(type: "integer", nullable: false),
                    HeldOut = table.Column<int>(type: "integer", nullable: false),
                    Accuracy = table.Column<double>(type: "double precision", nullable: false),
                    TopThreeAccuracy = table.Column<double>(type: "double precision", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeModels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_UpdatedAt",
                table: "Findings",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeModels_TrainedAt",
                table: "ThemeModels",
                column: "TrainedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ThemeModels");

            migrationBuilder.DropIndex(
                name: "IX_Findings_UpdatedAt",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ThemeSuggestion",
                table: "InsightItems");

            migrationBuilder.DropColumn(
                name: "ThemeSuggestion",
                table: "Findings");
        }
    }
}
