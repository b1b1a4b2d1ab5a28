<#ftl encoding="UTF-8">
<#include "_thanks.ftl">
<#assign because = thanksFor(reward)>
Hi ${customer.preferredName},

We have a thank-you for you: ${reward.description?remove_ending(".")}.
<#if because?has_content>

It is our way of saying thanks for
${because?remove_ending(".")}.
</#if>

Customers like you are the reason we enjoy what we do. If you have any
questions about it, just reply to this email – it comes straight to me.

Warm regards,
${salesperson.name}
${company.name}
${salesperson.email}
<#if (links.unsubscribe)??>

---
You are receiving this email as a customer of
${company.name}.
If you would rather not receive emails like this, unsubscribe here:
${links.unsubscribe}
</#if>
