using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PanelMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_PanelMeetingId_Origin_Number",
                table: "AgreedActivities");

            migrationBuilder.AddColumn<string>(
                name: "ExtraRedactions",
                table: "PanelMeetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MinutesAgreedOn",
                table: "PanelMeetings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinutesText",
                table: "PanelMeetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedMinutesText",
                table: "PanelMeetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Order",
                table: "MeetingAttendances",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "AgendaItems",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AddColumn<Guid>(
                name: "ThemeId",
                table: "AgendaItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_PanelMeetingId_Origin_Number",
                table: "AgreedActivities",
                columns: new[] { "PanelMeetingId", "Origin", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_ThemeId",
                table: "AgendaItems",
                column: "ThemeId");

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItems_Themes_ThemeId",
                table: "AgendaItems",
                column: "ThemeId",
                principalTable: "Themes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItems_Themes_ThemeId",
                table: "AgendaItems");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_PanelMeetingId_Origin_Number",
                table: "AgreedActivities");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_ThemeId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "ExtraRedactions",
                table: "PanelMeetings");

            migrationBuilder.DropColumn(
                name: "MinutesAgreedOn",
                table: "PanelMeetings");

            migrationBuilder.DropColumn(
                name: "MinutesText",
                table: "PanelMeetings");

            migrationBuilder.DropColumn(
                name: "PublishedMinutesText",
                table: "PanelMeetings");

            migrationBuilder.DropColumn(
                name: "Order",
                table: "MeetingAttendances");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "ThemeId",
                table: "AgendaItems");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_PanelMeetingId_Origin_Number",
                table: "AgreedActivities",
                columns: new[] { "PanelMeetingId", "Origin", "Number" });
        }
    }
}
