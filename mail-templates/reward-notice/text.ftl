<#ftl encoding="UTF-8">
<#-- why, after "thanks for": a rule's cause worded here in this language; a person's reason as typed -->
<#function thanksFor reward>
  <#switch (reward.cause)!"">
    <#case "ANNIVERSARY"><#return ((reward.detail)!"") + " years as our customer">
    <#case "TOP_TIER"><#return "being one of our top ten customers">
    <#case "INTRODUCTION_CONVERTED"><#return "the introduction to " + ((reward.detail)!"") + " that became a deal">
    <#case "REFERRAL_CONVERTED"><#return "recommending " + ((reward.detail)!"")>
    <#default><#return (reward.reason)!"">
  </#switch>
</#function>
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
