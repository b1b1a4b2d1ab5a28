<#ftl encoding="UTF-8">
Netweaving-Bericht für ${period}